package dev.mixdojo.classroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The join QR code, read back by an independent decoder (ZXing) from each of its three drawings. */
class JoinQrTest {
    private static final String LINK = "http://192.168.1.20:8421/#code=482913";

    /** Decodes modules (true = dark) drawn {@code scale} pixels each, black on white, with ZXing. */
    private static String decode(boolean[][] dark, int scale) throws Exception {
        int side = dark.length * scale;
        int[] pixels = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels[y * side + x] = dark[y / scale][x / scale] ? 0xff000000 : 0xffffffff;
            }
        }
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels))))
                .getText();
    }

    @Test
    void theModulesDecodeToTheJoinLink() throws Exception {
        JoinQr qr = JoinQr.of(LINK);
        int side = qr.size() + 2 * JoinQr.QUIET_ZONE;
        boolean[][] dark = new boolean[side][side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                dark[y][x] = qr.dark(x - JoinQr.QUIET_ZONE, y - JoinQr.QUIET_ZONE);
            }
        }
        assertThat(decode(dark, 4)).isEqualTo(LINK);
    }

    @Test
    void theSvgDrawsExactlyTheDarkModules() throws Exception {
        JoinQr qr = JoinQr.of(LINK);
        String svg = qr.svg();
        int side = qr.size() + 2 * JoinQr.QUIET_ZONE;
        assertThat(svg).contains("viewBox=\"0 0 " + side + " " + side + "\"");
        boolean[][] dark = new boolean[side][side];
        Matcher squares = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        while (squares.find()) {
            dark[Integer.parseInt(squares.group(2))][Integer.parseInt(squares.group(1))] = true;
        }
        assertThat(decode(dark, 4)).isEqualTo(LINK);
    }

    @Test
    void theTerminalTextReadsAsTheCodeWhenItsBlocksAreLight() throws Exception {
        JoinQr qr = JoinQr.of(LINK);
        List<String> lines = qr.terminal().lines().toList();
        int side = qr.size() + 2 * JoinQr.QUIET_ZONE;
        assertThat(lines).hasSize((side + 1) / 2).allSatisfy(line -> assertThat(line).hasSize(side));
        boolean[][] dark = new boolean[lines.size() * 2][side];
        for (int row = 0; row < lines.size(); row++) {
            for (int x = 0; x < side; x++) {
                char c = lines.get(row).charAt(x);
                // A block or half block is lit (light); a space is the terminal's dark background.
                dark[2 * row][x] = c == ' ' || c == '▄';
                dark[2 * row + 1][x] = c == ' ' || c == '▀';
            }
        }
        boolean[][] square = java.util.Arrays.copyOf(dark, side);
        assertThat(decode(square, 4)).isEqualTo(LINK);
    }
}
