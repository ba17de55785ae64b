package xcert.solvers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static xcert.solvers.io.IoAssertions.assertInputError;
import static xcert.solvers.io.IoAssertions.resource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The .npy reader on files numpy.save wrote (tools/npy/make_npy_fixtures.py; the values below are
 * the script's literals) and on hand-built bytes for the refusals.
 */
class NpyArrayTest {

  private static final double[][] VALUES = {{0.1, -2.5, 3.0}, {1e-7, 4.25, -0.0}};

  @Test
  void float32ValuesAreTheFloatsWidenedExactly() {
    NpyArray a = NpyArray.read(resource("f32-2x3.npy"));
    assertEquals(2, a.dimensions());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals((double) (float) VALUES[i][j], a.rows()[i][j], "a[" + i + "," + j + "]");
      }
    }
  }

  @Test
  void fortranOrderAndBigEndianGiveTheSameMatrix() {
    assertArrayEquals(VALUES, NpyArray.read(resource("f64-2x3-fortran.npy")).rows());
    assertArrayEquals(VALUES, NpyArray.read(resource("f64-big-endian-2x3.npy")).rows());
  }

  @Test
  void aVectorIsOneRow() {
    NpyArray a = NpyArray.read(resource("f64-vector.npy"));
    assertEquals(1, a.dimensions());
    assertEquals(1, a.rowCount());
    assertArrayEquals(VALUES[0], a.rows()[0]);
  }

  @Test
  void otherDtypesAndRanksAreRefused() {
    java.nio.file.Path ints = resource("i64-2x3.npy");
    assertInputError(() -> NpyArray.read(ints), Sources.name(ints), 0, -1, "dtype '<i8'",
        "float32 or float64");
    java.nio.file.Path cube = resource("f64-2x2x2.npy");
    assertInputError(() -> NpyArray.read(cube), Sources.name(cube), 0, -1, "3 dimensions",
        "expected 1 or 2");
  }

  /** A version-1 (2-byte length) or version-2 (4-byte length) file around a header and data. */
  private static byte[] npy(int major, String header, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer len = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
    if (major == 1) {
      len.putShort((short) h.length);
    } else {
      len.putInt(h.length);
    }
    out.writeBytes(len.array());
    out.writeBytes(h);
    out.writeBytes(data);
    return out.toByteArray();
  }

  private static byte[] doubles(double... v) {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double x : v) {
      b.putDouble(x);
    }
    return b.array();
  }

  @Test
  void versionTwoHeadersAreRead() {
    NpyArray a = NpyArray.parse("v2", npy(2,
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2), }\n", doubles(1.5, -3)));
    assertArrayEquals(new double[][] {{1.5, -3}}, a.rows());
  }

  @Test
  void malformedFilesAreRefusedInOneLine() {
    assertInputError(() -> NpyArray.parse("a.npy", "x,y\n1,2\n".getBytes(StandardCharsets.UTF_8)),
        "a.npy", 0, -1, "not a NumPy .npy file");
    String h = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }\n";
    assertInputError(() -> NpyArray.parse("t.npy", npy(1, h, doubles(1, 2, 3))), "t.npy", 0, -1,
        "truncated .npy data", "needs 32 bytes, 24 present");
    byte[] whole = npy(1, h, doubles(1, 2, 3, 4));
    assertInputError(() -> NpyArray.parse("h.npy", java.util.Arrays.copyOf(whole, 30)), "h.npy",
        0, -1, "truncated .npy header");
    assertInputError(() -> NpyArray.parse("n.npy", npy(1, h, doubles(1, Double.NaN, 3, 4))),
        "n.npy", 0, -1, "row 1, column 2 is NaN");
    assertInputError(() -> NpyArray.parse("s.npy", npy(1,
        "{'descr': '<f8', 'fortran_order': False, 'shape': (), }\n", doubles(1))), "s.npy", 0, -1,
        "0 dimensions");
    assertInputError(() -> NpyArray.parse("v.npy", npy(4, h, doubles(1, 2, 3, 4))), "v.npy", 0,
        -1, "version 4.0 is not supported");
    assertInputError(() -> NpyArray.parse("k.npy", npy(1,
        "{'fortran_order': False, 'shape': (1, 1), }\n", doubles(1))), "k.npy", 0, -1,
        "no 'descr' entry");
  }
}
