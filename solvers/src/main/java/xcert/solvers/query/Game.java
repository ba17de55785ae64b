package xcert.solvers.query;

import java.util.Arrays;
import java.util.List;
import xcert.solvers.errors.InputException;

/** The cooperative game whose Shapley or Banzhaf values {@link Query#SHAPLEY} computes (seed 004, Section 5). */
public enum Game {
  /** v(S) = f_S(x). */
  FS("fs"),
  /** v(S) = −ρ(f(x), f_S(x)), the game of seed 004, Theorem 5.1. */
  SUF("suf");

  private final String id;

  Game(String id) {
    this.id = id;
  }

  /** The game's name on the command line. */
  public String id() {
    return id;
  }

  /** The names of all games. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Game::id).toList();
  }

  /** The game named {@code id}; an {@link InputException} for setting "game" names both. */
  public static Game fromId(String id) {
    for (Game g : values()) {
      if (g.id.equals(id)) {
        return g;
      }
    }
    throw InputException.setting("game", "'" + id + "' is not a game; expected fs"
        + " (v(S) = f_S(x)) or suf (v(S) = -rho(f(x), f_S(x)))");
  }
}
