package xcert.solvers.io;

import java.util.Arrays;

/** An open-addressing map from positive ints to ints, sized by what is inserted. */
final class IntIntMap {
  private int[] keys = new int[16];
  private int[] vals = new int[16];
  private int size;

  /** The value for key, or -1. */
  int get(int key) {
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      int k = keys[i];
      if (k == key) {
        return vals[i];
      }
      if (k == 0) {
        return -1;
      }
    }
  }

  /** Puts key (positive) → value; returns the previous value or -1. */
  int put(int key, int value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      int k = keys[i];
      if (k == key) {
        int old = vals[i];
        vals[i] = value;
        return old;
      }
      if (k == 0) {
        keys[i] = key;
        vals[i] = value;
        size++;
        return -1;
      }
    }
  }

  private void grow() {
    int[] ok = keys;
    int[] ov = vals;
    keys = new int[ok.length * 2];
    vals = new int[ok.length * 2];
    Arrays.fill(vals, 0);
    size = 0;
    for (int i = 0; i < ok.length; i++) {
      if (ok[i] != 0) {
        put(ok[i], ov[i]);
      }
    }
  }

  private static int mix(int k) {
    int h = k * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
