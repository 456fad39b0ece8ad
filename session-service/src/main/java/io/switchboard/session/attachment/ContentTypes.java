package io.switchboard.session.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells what a file is from its bytes, whatever its name or the client's Content-Type claim: the few types a chat
 * accepts, each known by its signature, and plain text (UTF-8 without control characters). Markup (HTML, SVG, XML) is
 * recognised as such so that it is never taken for text: a browser could run its scripts.
 */
public final class ContentTypes {

    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String GIF = "image/gif";
    public static final String WEBP = "image/webp";
    public static final String PDF = "application/pdf";
    public static final String TEXT = "text/plain";
    /** What markup is reported as; never accepted, whatever the configuration says. */
    public static final String MARKUP = "text/html";
    /** Bytes that are none of the above. */
    public static final String UNKNOWN = "application/octet-stream";

    /** The types this class recognises, so the only ones an operator may allow; each with its file extensions. */
    public static final Map<String, List<String>> EXTENSIONS = Map.of(
            PNG, List.of("png"),
            JPEG, List.of("jpg", "jpeg"),
            GIF, List.of("gif"),
            WEBP, List.of("webp"),
            PDF, List.of("pdf"),
            TEXT, List.of("txt", "text", "log", "csv", "md"));

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP_TAG = "WEBP".getBytes(StandardCharsets.US_ASCII);
    private static final int WEBP_TAG_OFFSET = 8;
    private static final byte[] PDF_SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Enough for every signature above. */
    private static final int HEAD_BYTES = 16;
    private static final int TEXT_CHUNK_BYTES = 8192;
    /** Characters kept from one chunk for the next: longer than any tag looked for. */
    private static final int TAIL_CHARS = 64;
    /** Tags that make a text a page a browser would run, wherever they are in it. */
    private static final Pattern MARKUP_TAGS = Pattern.compile("<\\s*(script|svg|html|!doctype|\\?xml|iframe|body)\\b",
            Pattern.CASE_INSENSITIVE);

    private ContentTypes() {
    }

    /** The type of the file's bytes: one of the constants of this class. */
    public static String of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        if (startsWith(head, PNG_SIGNATURE)) {
            return PNG;
        }
        if (startsWith(head, JPEG_SIGNATURE)) {
            return JPEG;
        }
        if (startsWith(head, GIF87) || startsWith(head, GIF89)) {
            return GIF;
        }
        if (startsWith(head, RIFF) && head.length >= WEBP_TAG_OFFSET + WEBP_TAG.length
                && Arrays.equals(head, WEBP_TAG_OFFSET, WEBP_TAG_OFFSET + WEBP_TAG.length, WEBP_TAG, 0,
                WEBP_TAG.length)) {
            return WEBP;
        }
        if (startsWith(head, PDF_SIGNATURE)) {
            return PDF;
        }
        return textOrNot(file);
    }

    /** Whether a browser may be let show this type in the page. */
    public static boolean isImage(String type) {
        return PNG.equals(type) || JPEG.equals(type) || GIF.equals(type) || WEBP.equals(type);
    }

    /** The whole file must decode as UTF-8 without control characters (tab, line breaks and form feed aside). */
    private static String textOrNot(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(TEXT_CHUNK_BYTES);
        CharBuffer chars = CharBuffer.allocate(TEXT_CHUNK_BYTES);
        TextScan scan = new TextScan();
        boolean first = true;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[TEXT_CHUNK_BYTES];
            int read;
            boolean any = false;
            while ((read = in.read(buffer, 0, bytes.remaining())) > 0) {
                any = true;
                int start = first && startsWith(Arrays.copyOf(buffer, read), UTF8_BOM) ? UTF8_BOM.length : 0;
                first = false;
                bytes.put(buffer, start, read - start);
                bytes.flip();
                if (decoder.decode(bytes, chars, false).isError()) {
                    return UNKNOWN;
                }
                bytes.compact();
                String type = scan.check(chars);
                if (type != null) {
                    return type;
                }
            }
            if (!any) {
                return UNKNOWN;
            }
            bytes.flip();
            if (decoder.decode(bytes, chars, true).isError() || decoder.flush(chars).isError()
                    || bytes.hasRemaining()) {
                return UNKNOWN;
            }
            String type = scan.check(chars);
            return type != null ? type : TEXT;
        } catch (CharacterCodingException e) {
            return UNKNOWN;
        }
    }

    /** What the decoded text showed so far. Markup tags are looked for across chunk ends: a chunk's tail is kept. */
    private static final class TextScan {

        private final StringBuilder window = new StringBuilder();
        private boolean started;

        /** Looks at the decoded characters and empties the buffer; null while the text may still be plain text. */
        String check(CharBuffer chars) {
            chars.flip();
            for (int i = chars.position(); i < chars.limit(); i++) {
                char c = chars.get(i);
                if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                    chars.clear();
                    return UNKNOWN;
                }
            }
            window.append(chars);
            chars.clear();
            if (!started && !window.toString().isBlank()) {
                started = true;
                if (startsAsMarkup(window)) {
                    return MARKUP;
                }
            }
            if (MARKUP_TAGS.matcher(window).find()) {
                return MARKUP;
            }
            int keep = Math.min(window.length(), TAIL_CHARS);
            window.delete(0, window.length() - keep);
            return null;
        }
    }

    /** A text whose first visible character opens a tag is markup (an XML document, an HTML fragment). */
    private static boolean startsAsMarkup(CharSequence text) {
        String trimmed = text.toString().stripLeading();
        return trimmed.length() > 1 && trimmed.charAt(0) == '<'
                && (Character.isLetter(trimmed.charAt(1)) || "!?/".indexOf(trimmed.charAt(1)) >= 0);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The lower-case extension of a file name, or "". */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
