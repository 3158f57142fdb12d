package dev.mixdojo.classroom.live;

import io.nayuki.qrcodegen.QrCode;
import java.util.Locale;

/**
 * The join address as a QR code, made by Project Nayuki's QR Code generator (error correction level M, which
 * survives a projector's glare and a phone's blur): its modules, as SVG for a browser, and as text for a
 * terminal. Immutable.
 */
public final class JoinQr {
    /** Light modules around the code, as the QR standard asks (ISO/IEC 18004 quiet zone). */
    public static final int QUIET_ZONE = 4;

    private final QrCode code;

    private JoinQr(QrCode code) {
        this.code = code;
    }

    /** The QR code of {@code text} (an address of a few dozen characters). */
    public static JoinQr of(String text) {
        return new JoinQr(QrCode.encodeText(text, QrCode.Ecc.MEDIUM));
    }

    /** Modules per side, without the quiet zone. */
    public int size() {
        return code.size;
    }

    /** Whether the module at column {@code x}, row {@code y} is dark; outside the code (the quiet zone) it is light. */
    public boolean dark(int x, int y) {
        return code.getModule(x, y);
    }

    /** An SVG image of the code with its quiet zone, one unit per module, black on white. */
    public String svg() {
        int side = code.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    path.append(String.format(Locale.ROOT, "M%d,%dh1v1h-1z", x + QUIET_ZONE, y + QUIET_ZONE));
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
                + path + "\" fill=\"#000\"/></svg>";
    }

    /**
     * The code as text for a terminal with light text on a dark background (the usual case), two rows of
     * modules per line in half blocks: the light modules and the quiet zone are the blocks, so the code reads
     * dark on light as a camera expects.
     */
    public String terminal() {
        StringBuilder out = new StringBuilder();
        int from = -QUIET_ZONE;
        int to = code.size + QUIET_ZONE;
        for (int y = from; y < to; y += 2) {
            for (int x = from; x < to; x++) {
                boolean top = !code.getModule(x, y);
                boolean bottom = y + 1 < to && !code.getModule(x, y + 1);
                out.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
