package org.percepnet4j.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightFileTest {

    private static byte[] file(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }

    @Test
    void writtenFilesReadBackWithMetadataShapesAndValues(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("m.safetensors");
        new WeightFileWriter()
                .metadata("name", "tiny \"quoted\" \\ name\n")
                .metadata("widths", "4,3")
                .tensor("a.weight", new float[] {1, -2, 3.5f, Float.MIN_VALUE, -0f, 6}, 2, 3)
                .tensor("a.bias", new float[] {7, 8}, 2)
                .tensor("empty", new float[0], 0)
                .write(path);
        WeightFile f = WeightFile.read(path);
        assertThat(f.metadata()).containsEntry("name", "tiny \"quoted\" \\ name\n").containsEntry("widths", "4,3");
        assertThat(f.tensors().keySet()).containsExactly("a.weight", "a.bias", "empty");
        assertThat(f.tensor("a.weight", 2, 3).data()).containsExactly(1, -2, 3.5f, Float.MIN_VALUE, -0f, 6);
        assertThat(f.tensor("a.bias", 2).data()).containsExactly(7, 8);
        assertThat(Files.readAllBytes(path).length % 8).isZero();
    }

    @Test
    void headerIsLittleEndianLengthThenJson() throws Exception {
        byte[] bytes = new WeightFileWriter().metadata("k", "v").tensor("t", new float[] {1.5f}, 1).toBytes();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) b.getLong(0);
        String json = new String(bytes, 8, n, StandardCharsets.UTF_8).trim();
        assertThat(json).isEqualTo("{\"__metadata__\":{\"k\":\"v\"},\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}");
        assertThat(b.getFloat(8 + n)).isEqualTo(1.5f);
    }

    @Test
    void acceptsWhitespaceAndEscapesLikeOtherSafetensorsWriters() throws Exception {
        WeightFile f = WeightFile.parse(file(
                "{ \"__metadata__\" : { \"a\\u00e9\" : \"x\\/y\" } ,\n \"t\" : { \"shape\" : [ ] , \"dtype\" : \"F32\","
                        + " \"data_offsets\" : [ 0 , 4 ] } }", 4));
        assertThat(f.metadata()).containsEntry("aé", "x/y");
        assertThat(f.tensor("t").rank()).isZero();
    }

    @Test
    void corruptFilesAreRejectedWithAReason() throws Exception {
        assertRejected(new byte[3], "truncated");
        assertRejected(new byte[8], "header length 0");
        assertThat(WeightFile.parse(file("{}", 0)).tensors()).isEmpty();
        byte[] huge = file("{\"t\":1}", 0);
        huge[3] = 0x7f;
        assertRejected(huge, "header length");
        assertRejected(file("[1, 2]", 0), "not a JSON object");
        assertRejected(file("{\"t\": {\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,2]}}", 2), "dtype F16");
        assertRejected(file("{\"t\": {\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4), "4 bytes of data");
        assertRejected(file("{\"t\": {\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 4), "outside");
        assertRejected(file("{\"t\": {\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,0]}}", 0), "bad dimension");
        assertRejected(file("{\"t\": {\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", 4), "non-integer");
        assertRejected(file("{\"t\": {\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", 4), "shape missing");
        assertRejected(file("{\"__metadata__\": {\"a\": 3}}", 0), "not a string");
        assertRejected(file("{\"a\": {}, \"a\": {}}", 0), "duplicate key");
        assertRejected(file("{\"t\": {\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}", 4), "end of header");
        assertRejected(file("{\"t\": \"unterminated}", 0), "unterminated string");
        assertRejected(file("{\"t\": tru}", 0), "unexpected token");
        assertRejected(file("{} trailing", 0), "after the JSON value");
        byte[] notUtf8 = file("{\"__metadata__\": {\"a\": \"xx\"}}", 0);
        notUtf8[8 + 25] = (byte) 0xff;
        assertRejected(notUtf8, "not UTF-8");
    }

    @Test
    void randomDamageNeverEscapesAsAnythingButWeightFileException() throws Exception {
        byte[] good = RandomWeights.file(1, 8, 8, 8, new int[] {8}, 8, 8).toBytes();
        Random rng = new Random(42);
        int rejected = 0;
        for (int trial = 0; trial < 300; trial++) {
            byte[] bad = Arrays.copyOf(good, trial % 3 == 0 ? rng.nextInt(good.length) : good.length);
            int headerEnd = (int) Math.min(bad.length, 8 + ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getLong(0));
            for (int k = 0; k < 3 && headerEnd > 0; k++) {
                bad[rng.nextInt(headerEnd)] = (byte) rng.nextInt(256);
            }
            try {
                NeuralGainModel.of(WeightFile.parse(bad));
            } catch (WeightFileException e) {
                assertThat(e.getMessage()).isNotBlank();
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThan(250);
    }

    private static void assertRejected(byte[] bytes, String reason) {
        assertThatThrownBy(() -> WeightFile.parse(bytes)).isInstanceOf(WeightFileException.class)
                .hasMessageContaining(reason);
    }
}
