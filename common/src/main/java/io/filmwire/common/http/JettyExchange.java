package io.filmwire.common.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty request seen as a JDK {@link HttpExchange}, so that handlers are written against the JDK's
 * small API while Jetty does the connection handling. {@link #sendResponseHeaders} follows the JDK's
 * contract (length -1: no body, 0: length unknown, n: exactly n bytes); {@link #close} completes the
 * Jetty callback. Used by one thread at a time, as handlers use an exchange.
 */
final class JettyExchange extends HttpExchange {

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final URI uri;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private InputStream in;
    private OutputStream out;
    /** Request bodies up to this many bytes are read to their end when a handler left them unread. */
    private static final long DRAIN_LIMIT = 64 * 1024;

    private int status = -1;
    private boolean completed;

    JettyExchange(Request request, Response response, Callback callback, URI uri) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.uri = uri;
        for (HttpField field : request.getHeaders()) {
            requestHeaders.add(field.getName(), field.getValue());
        }
        this.in = Content.Source.asInputStream(request);
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return request.getMethod();
    }

    @Override
    public HttpContext getHttpContext() {
        return null;
    }

    @Override
    public InputStream getRequestBody() {
        return in;
    }

    @Override
    public OutputStream getResponseBody() {
        if (out == null) {
            throw new IllegalStateException("sendResponseHeaders must be called before the body is written");
        }
        return out;
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (status != -1) {
            throw new IOException("headers already sent");
        }
        status = code;
        response.setStatus(code);
        for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
            for (String value : header.getValue()) {
                response.getHeaders().add(header.getKey(), value);
            }
        }
        if (length > 0) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        } else if (length == -1 && code != 204 && code != 304) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
        }
        out = new ClosingOnce(Content.Sink.asOutputStream(response));
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        SocketAddress a = request.getConnectionMetaData().getRemoteSocketAddress();
        return a instanceof InetSocketAddress inet ? inet : null;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        SocketAddress a = request.getConnectionMetaData().getLocalSocketAddress();
        return a instanceof InetSocketAddress inet ? inet : null;
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public String getProtocol() {
        return request.getConnectionMetaData().getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        if (i != null) {
            in = i;
        }
        if (o != null) {
            out = o;
        }
    }

    @Override
    public HttpPrincipal getPrincipal() {
        Principal p = AccessPolicy.principal(this);
        return p.identified() ? new HttpPrincipal(p.name(), "filmwire") : null;
    }

    /** Completes the answer (500 with no body if the handler sent nothing); safe to call twice. */
    @Override
    public void close() {
        if (completed) {
            return;
        }
        completed = true;
        try {
            if (status == -1) {
                sendResponseHeaders(500, -1);
            }
            out.close();
            drainSmallBody();
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
        }
    }

    /**
     * Reads what is left of a small request body that the handler answered without reading (a
     * refused write): were the connection closed with it unread, the client, still sending, could get
     * a reset instead of the answer. Bodies over {@link #DRAIN_LIMIT} and answers that close the
     * connection anyway (an oversized body) are not read.
     */
    private void drainSmallBody() {
        long declared = request.getLength();
        if (declared <= 0 || declared > DRAIN_LIMIT || "close".equalsIgnoreCase(responseHeaders.getFirst("Connection"))) {
            return;
        }
        try {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    /** An output stream whose second close does nothing (handlers close it, then the exchange). */
    private static final class ClosingOnce extends java.io.FilterOutputStream {
        private boolean closed;

        ClosingOnce(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                out.close();
            }
        }
    }

    /** True once the answer is complete. */
    boolean completed() {
        return completed;
    }
}
