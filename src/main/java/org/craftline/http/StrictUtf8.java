package org.craftline.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.craftline.problem.ApiException;

/**
 * A JSON body's bytes, checked as they are read to be UTF-8 as RFC 3629 has it: no overlong forms
 * (Jackson would read {@code C0 BC} as {@code <}), no surrogates, nothing past U+10FFFF, no sequence
 * cut short, and no NUL byte, which JSON text never holds raw and which is how a UTF-16 or UTF-32
 * body Jackson would otherwise detect and read shows. The first bad byte is 400, as the import's
 * CSV is.
 */
final class StrictUtf8 extends FilterInputStream {

    private long position;
    /** Continuation bytes still due, and the range the next one must fall in. */
    private int due;
    private int low = 0x80;
    private int high = 0xBF;

    StrictUtf8(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            end();
        } else {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            end();
        }
        for (int i = 0; i < n; i++) {
            check(buffer[offset + i] & 0xFF);
        }
        return n;
    }

    private void check(int b) {
        if (due > 0) {
            if (b < low || b > high) {
                refuse();
            }
            due--;
            low = 0x80;
            high = 0xBF;
        } else if (b == 0) {
            refuse();
        } else if (b >= 0x80) {
            start(b);
        }
        position++;
    }

    /** The lead byte of a sequence: how many bytes follow, and where the first of them may lie. */
    private void start(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            due = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            due = 2;
            low = b == 0xE0 ? 0xA0 : 0x80;
            high = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            due = 3;
            low = b == 0xF0 ? 0x90 : 0x80;
            high = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            refuse();
        }
    }

    private void end() {
        if (due > 0) {
            refuse();
        }
    }

    private void refuse() {
        RequestSizeLimit.drain(in);
        throw ApiException.badRequest("The request body is not UTF-8 text (at byte " + position
                + "): send JSON as UTF-8; UTF-16, UTF-32, NUL bytes and overlong forms are not accepted");
    }
}
