package xcert.cli.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * Every file reader of xcert, each with a small valid seed file and the cheap command that reads
 * it. The command's other inputs are valid files in the same folder ({@link #writeSupport}).
 */
enum Reader {
  DIMACS("cnf", true, text("c three variables\np cnf 3 2\n1 -2 0\n2 3 0\n"),
      (f, d) -> args("eval", "--model", f, "--x", "101")),
  EXPRESSION("expr", true, text("inputs: 3\n(x1 & x2) | (x1 & x3) | ~(x2 | x3)\n"),
      (f, d) -> args("eval", "--model", f, "--x", "110")),
  AIGER("aag", true, text("aag 7 2 0 2 3\n2\n4\n6\n12\n6 13 15\n12 2 4\n14 3 5\ni0 x\ni1 y\n"
      + "o0 s\no1 c\nc\nhalf adder\n"), (f, d) -> args("eval", "--model", f, "--x", "11")),
  NETWORK_JSON("json", true, text("{\n  \"type\": \"relu-network\",\n  \"inputs\": 3,\n"
      + "  \"layers\": [\n    {\"weights\": [[1.0, -2.0, 0.5], [0.5, 1.0, 1.0]], "
      + "\"bias\": [0.0, -1.0]},\n    {\"weights\": [[1.0, 1.5]], \"bias\": [0.25]}\n  ]\n}\n"),
      (f, d) -> args("eval", "--model", f, "--x", "1,0,1")),
  CLASSIFIER_JSON("json", true, text("{\n  \"type\": \"relu-network\",\n  \"inputs\": 3,\n"
      + "  \"layers\": [\n    {\"weights\": [[1.0, -2.0, 0.5], [0.5, 1.0, 1.0]], "
      + "\"bias\": [0.0, -1.0]},\n    {\"weights\": [[1.0, 1.5]], \"bias\": [0.25]}\n  ],\n"
      + "  \"threshold\": 1.0\n}\n"), (f, d) -> args("eval", "--model", f, "--x", "1,0,1")),
  PRODUCT_JSON("json", true, text("{\"features\": [{\"values\": [0, 1], \"probabilities\": "
      + "[\"1/4\", \"3/4\"]},\n {\"values\": [0, 1, 2], \"probabilities\": [0.5, 0.25, 0.25]},\n"
      + " {\"values\": [1], \"probabilities\": [1]}]}\n"),
      (f, d) -> args("exact", "fs", "--model", d.resolve("net.json").toString(), "--x", "1,0,1",
          "--set", "1", "--dist", "product:" + f)),
  CSV_ROWS("csv", true, text("a,b,c\n0,1,1\n1,0,1\n1,1,0\n0.5,0.25,1\n"),
      (f, d) -> args("exact", "fs", "--model", d.resolve("net.json").toString(), "--x", "1,0,1",
          "--set", "1", "--dist", "csv:" + f)),
  CONDITIONAL_CSV("csv", true, text("x1,x2,x3\n0,1,1\n1,0,1\n1,1,0\n1,0,0\n"),
      (f, d) -> args("exact", "fs", "--model", d.resolve("net.json").toString(), "--x", "1,0,1",
          "--set", "1", "--dist", "conditional:" + f)),
  NPY_INPUTS("npy", false, npy(3, 3, 1, 1, 1, 0, 0, 0, 1, 1, 1),
      (f, d) -> args("oracle", "--model", d.resolve("and.expr").toString(), "--inputs", f,
          "--attributions", d.resolve("phi.csv").toString(), "--against", "shapley")),
  NPY_BASE_VALUES("npy", false, npy(3, 0, 0.25, 0.25, 0.25),
      (f, d) -> args("oracle", "--model", d.resolve("and.expr").toString(), "--inputs",
          d.resolve("x.csv").toString(), "--attributions", d.resolve("phi.csv").toString(),
          "--base-values", f, "--against", "shapley")),
  BATCH_CSV("csv", true, text("a,b,c\n1,1,1\n0,0,0\n1,1,1\n"),
      (f, d) -> args("oracle", "--model", d.resolve("and.expr").toString(), "--inputs", f,
          "--attributions", d.resolve("phi.csv").toString(), "--against", "shapley")),
  ATTRIBUTION_CSV("csv", true, text("# phi\nfeature,value\n1,3/8\nx2,0.375\n3,0\n"),
      (f, d) -> args("oracle", "--model", d.resolve("and.expr").toString(), "--x", "111",
          "--attribution", f, "--against", "shapley")),
  ATTRIBUTION_JSON("json", true, text("{\"values\": [\"3/8\", 0.375, 0e0], \"note\": \"x\"}\n"),
      (f, d) -> args("oracle", "--model", d.resolve("and.expr").toString(), "--x", "111",
          "--attribution", f, "--against", "shapley")),
  ONNX("onnx", false, resource("../examples/onnx/breast-cancer-mlp.onnx"),
      (f, d) -> args("eval", "--model", f, "--x", "13.4,20.52,88.64,556.7,0.1106,0.1469,0.1445,"
          + "0.08172,0.2116,0.07325,0.3906,0.9306,3.093,33.67,0.005414,0.02265,0.03452,0.01334,"
          + "0.01705,0.004005,16.41,29.66,113.3,844.4,0.1574,0.3856,0.5106,0.2051,0.3585,0.1109")),
  CERTIFICATE("cert", true, text("xcert-certificate 1\n# OR-Tools GLOP\nfamily binomial-insertion"
      + "\nd 3\npartition 1,1,1\nstructure symmetric-binomial\nalpha 0 1\nz 0 1\nz 1 -1\nz 3 -1\n"
      + "z 5 1\noptimum 2\n"), (f, d) -> args("certify", "--check", f)),
  POLYNOMIAL_CERTIFICATE("cert", true, text("xcert-certificate 1\n# OR-Tools GLOP\nfamily "
      + "polynomial\nd 2\nkind deletion\npoly x1*x2\nx 1,1\nsets all\nstructure groups 1,2\n"
      + "alpha 1\nz 0 1\nz 1 1\nz 2 -1\noptimum 1\n"), (f, d) -> args("certify", "--check", f)),
  SUBSET_LIST("txt", true, text("# sets\n1,2\n-\n2\n"),
      (f, d) -> args("certify", "polynomial", "--poly", "x1*x2 + 2*x2", "--sets", f));

  final String extension;
  final boolean text;
  private final byte[] seed;
  private final BiFunction<String, Path, String[]> command;

  Reader(String extension, boolean text, byte[] seed, BiFunction<String, Path, String[]> command) {
    this.extension = extension;
    this.text = text;
    this.seed = seed;
    this.command = command;
  }

  /** The valid seed file. */
  byte[] seed() {
    return seed.clone();
  }

  /** The command that reads {@code file}, its other inputs in {@code dir}. */
  String[] command(Path file, Path dir) {
    return command.apply(file.toString(), dir);
  }

  /** The valid files the commands take besides the one under test. */
  static void writeSupport(Path dir) {
    try {
      Files.write(dir.resolve("net.json"), NETWORK_JSON.seed);
      Files.writeString(dir.resolve("and.expr"), "inputs: 3\nx1 & x2\n");
      Files.writeString(dir.resolve("phi.csv"), "0.375,0.375,0\n-0.125,-0.125,0\n0.375,0.375,0\n");
      Files.writeString(dir.resolve("x.csv"), "1,1,1\n0,0,0\n1,1,1\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] args(String... a) {
    return a;
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] resource(String path) {
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A float64 .npy file of the given shape (1-D when cols is 0). */
  static byte[] npy(int rows, int cols, double... v) {
    String shape = cols == 0 ? "(" + rows + ",)" : "(" + rows + ", " + cols + ")";
    String header = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
    int pad = 64 - (10 + header.length() + 1) % 64;
    header = header + " ".repeat(pad % 64) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * v.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    b.putShort((short) header.length());
    b.put(header.getBytes(StandardCharsets.ISO_8859_1));
    for (double x : v) {
      b.putDouble(x);
    }
    return b.array();
  }
}
