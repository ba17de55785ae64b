package xcert.spark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a task rebuilds from the bytes it was shipped (a model, a certificate), kept once per
 * executor JVM: the objects are not {@link java.io.Serializable}, so each executor rebuilds them
 * from their description the first time one of its tasks needs them, and its later tasks reuse
 * them. A handful of entries at most (the cache is emptied when it grows past {@link #MAX}).
 */
public final class ExecutorCache {

  /** Entries kept before the cache is emptied. */
  public static final int MAX = 8;

  private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

  private ExecutorCache() {}

  /** The object under {@code key}, built once per JVM by {@code build}. */
  @SuppressWarnings("unchecked")
  public static <T> T get(String key, Supplier<T> build) {
    Object v = CACHE.get(key);
    if (v != null) {
      return (T) v;
    }
    synchronized (CACHE) {
      v = CACHE.get(key);
      if (v == null) {
        if (CACHE.size() >= MAX) {
          CACHE.clear();
        }
        v = build.get();
        CACHE.put(key, v);
      }
      return (T) v;
    }
  }

  /** A key for the given parts: their SHA-256, in hex. */
  public static String key(String kind, String... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(kind.getBytes(StandardCharsets.UTF_8));
      for (String p : parts) {
        md.update((byte) 0);
        md.update(p.getBytes(StandardCharsets.UTF_8));
      }
      return kind + ":" + HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
