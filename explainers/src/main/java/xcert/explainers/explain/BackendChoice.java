package xcert.explainers.explain;

import java.util.List;
import xcert.solvers.errors.InputException;

/** Where f and its gradients are evaluated: the CPU, the GPU, or the GPU when one is present. */
public enum BackendChoice {
  AUTO("auto"),
  CPU("cpu"),
  GPU("gpu");

  private final String id;

  BackendChoice(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /**
   * The choice named {@code id}.
   *
   * @throws InputException (setting {@code backend}) for an unknown name
   */
  public static BackendChoice fromId(String id) {
    for (BackendChoice c : values()) {
      if (c.id.equals(id)) {
        return c;
      }
    }
    throw InputException.setting("backend", "'" + id + "' is not a backend; expected auto, cpu "
        + "or gpu");
  }

  public static List<String> ids() {
    return List.of("auto", "cpu", "gpu");
  }
}
