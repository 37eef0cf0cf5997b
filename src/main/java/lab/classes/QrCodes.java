package lab.classes;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as SVG, drawn on the server with ZXing: one path of dark squares, sharp at
 * any size on a projector, with no script and no style attribute (the site's
 * Content-Security-Policy forbids them).
 */
final class QrCodes {

	private static final int QUIET_ZONE = 4;

	private QrCodes() {
	}

	static String svg(String text, String label) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", ex);
		}
		int size = matrix.getWidth();
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < size; x++) {
				if (matrix.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + matrix.getHeight()
				+ "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + escape(label) + "\">"
				+ "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>" + "<path fill=\"#000000\" d=\"" + path
				+ "\"/></svg>";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
