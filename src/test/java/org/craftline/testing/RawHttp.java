package org.craftline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Bytes on a socket, for requests no well-behaved client library would send (a bad {@code Host},
 * HTTP/0.9, a broken chunk). The answer is read until the server closes the connection.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public static Answer send(int port, String request) {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Answer send(int port, byte[] request) {
        Answer answer = exchange(port, request);
        if (answer.status() >= 400) {
            ErrorSweep.check(answer.status(), answer.header("Content-Type"), answer.body());
        }
        return answer;
    }

    /**
     * The same without {@link ErrorSweep}'s rule against file paths, for the admin port's backup:
     * its refusals name the path the operator gave, which is no internal of the server's.
     */
    public static Answer sendToTheOperatorsBackup(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Answer exchange(int port, byte[] request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.shutdownOutput();
            return Answer.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status line's code, the header block as sent, and the body. */
    public record Answer(int status, String head, String body) {

        static Answer parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            String body = end < 0 ? "" : raw.substring(end + 4);
            String[] statusLine = head.split(" ", 3);
            int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1;
            return new Answer(status, head, body);
        }

        /** The first header of that name, case aside, or null. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT)
                        .equals(name.toLowerCase(Locale.ROOT))) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }
}
