package xcert.solvers.io;

import java.util.Arrays;

/** A growable int array; grows with what a file actually contains, never with what it declares. */
final class IntList {
  private int[] a;
  private int n;

  IntList() {
    this(16);
  }

  IntList(int capacity) {
    a = new int[Math.max(4, capacity)];
  }

  void add(int v) {
    if (n == a.length) {
      a = Arrays.copyOf(a, a.length < (1 << 29) ? a.length * 2 : Integer.MAX_VALUE - 8);
    }
    a[n++] = v;
  }

  int get(int i) {
    return a[i];
  }

  void set(int i, int v) {
    a[i] = v;
  }

  int size() {
    return n;
  }

  /** Keeps the first n entries. */
  void truncate(int n) {
    this.n = n;
  }

  void clear() {
    n = 0;
  }

  int[] toArray() {
    return Arrays.copyOf(a, n);
  }

  int[] toArray(int from, int to) {
    return Arrays.copyOfRange(a, from, to);
  }
}
