package io.filmwire.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Reading bytes with a limit, gzip included (a small file that unpacks to gigabytes is refused). Stateless. */
public final class BoundedBytes {

    private BoundedBytes() {
    }

    /**
     * All of {@code in}, at most {@code limit} bytes.
     *
     * @param what how the message names the input when it is too large ({@code "'page.html'"})
     * @throws TooLargeException past the limit, naming {@code what} and the limit
     */
    public static byte[] read(InputStream in, long limit, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw new TooLargeException(what + " is over the limit of " + limit + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Gunzips {@code bytes}, at most {@code limit} bytes of output. */
    public static byte[] gunzip(byte[] bytes, long limit, String what) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 65536)) {
            return read(in, limit, what + " once decompressed");
        }
    }

    /** True when {@code bytes} start with the gzip signature. */
    public static boolean isGzip(byte[] bytes) {
        return bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }
}
