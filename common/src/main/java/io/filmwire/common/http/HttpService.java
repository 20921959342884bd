package io.filmwire.common.http;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's HTTP server (Jetty underneath, handlers written against the JDK's {@code HttpExchange}).
 * On the main listener: request line and headers are parsed without holding a thread, so slow clients
 * cost a connection and nothing else; a client address holds at most
 * {@code http.max.connections.per.client} connections; a connection has {@code http.header.timeout.ms}
 * to send its headers and a request {@code http.request.timeout.ms} to send its body; idle
 * connections close after {@code http.idle.timeout.ms}; header, URL and declared body sizes are
 * checked before any body is read; at most {@code http.threads} requests run at once (more wait,
 * without a thread, then get 503), health excepted. A second listener on {@code http.health.port},
 * with threads of its own, serves only {@code /health} and {@code /ready}.
 */
public final class HttpService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);
    /** Threads above {@code http.threads}: the acceptor, the selector, and health on the main port. */
    private static final int SPARE_THREADS = 8;

    private final Server server;
    private final ServerConnector connector;
    private final Server healthServer;
    private final ServerConnector healthConnector;

    private HttpService(Server server, ServerConnector connector, Server healthServer, ServerConnector healthConnector) {
        this.server = server;
        this.connector = connector;
        this.healthServer = healthServer;
        this.healthConnector = healthConnector;
    }

    /** Serves {@code router} on loopback {@code host:port} with the default limits and no health listener. */
    public static HttpService start(String host, int port, Router router, int threads) {
        HttpConfig defaults = HttpConfig.loopback();
        HttpConfig config = new HttpConfig(host, port, -1, threads, defaults.maxConnectionsPerClient(),
                defaults.headerTimeout(), defaults.requestTimeout(), defaults.idleTimeout(), defaults.maxHeaderBytes(),
                defaults.maxUrlChars(), defaults.maxBodyBytes(), router.policy());
        return start(config, router, null);
    }

    /**
     * Starts serving {@code router} as {@code config} says, and {@code health} on the health port.
     *
     * @param health the routes of the health listener, or null for none
     * @throws org.apache.kafka.common.config.ConfigException off loopback without tokens
     * @throws IllegalStateException when a port is taken, in one line naming the setting
     */
    public static HttpService start(HttpConfig config, Router router, Router health) {
        config.requireTokensOffLoopback();
        io.filmwire.common.Ports.requireFree(config.host(), config.port(), HttpConfig.PORT, "--http-port");
        if (health != null && config.healthPort() > 0) {
            io.filmwire.common.Ports.requireFree(config.host(), config.healthPort(), HttpConfig.HEALTH_PORT, "--health-port");
        }
        QueuedThreadPool pool = new QueuedThreadPool(config.threads() + SPARE_THREADS, 2);
        pool.setName("http");
        pool.setDaemon(true);
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(config.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setIdleTimeout(config.idleTimeout().toMillis());
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        connector.setAcceptQueueSize(128);
        connector.addEventListener(new ClientConnectionLimit(config.maxConnectionsPerClient(), connector::getLocalPort));
        connector.addEventListener(new HeaderDeadline(connector, config.headerTimeout()));
        server.addConnector(connector);

        QoSHandler qos = new QoSHandler(new RouterHandler(router));
        qos.setMaxRequestCount(config.threads());
        qos.setMaxSuspend(config.requestTimeout());
        qos.setRejectStatusCode(503);
        qos.excludePath("/health", "/ready");
        server.setHandler(new Limits(config, qos));

        Server healthServer = null;
        ServerConnector healthConnector = null;
        if (health != null && config.healthPort() >= 0) {
            QueuedThreadPool healthPool = new QueuedThreadPool(6, 2);
            healthPool.setName("http-health");
            healthPool.setDaemon(true);
            healthServer = new Server(healthPool);
            HttpConfiguration healthHttp = new HttpConfiguration();
            healthHttp.setRequestHeaderSize(4096);
            healthHttp.setSendServerVersion(false);
            healthConnector = new ServerConnector(healthServer, 1, 1, new HttpConnectionFactory(healthHttp));
            healthConnector.setHost(config.host());
            healthConnector.setPort(config.healthPort());
            healthConnector.setIdleTimeout(Math.min(5_000, config.idleTimeout().toMillis()));
            healthConnector.addEventListener(new HeaderDeadline(healthConnector, Duration.ofSeconds(2)));
            healthServer.addConnector(healthConnector);
            healthServer.setHandler(new RouterHandler(health));
        }
        HttpService service = new HttpService(server, connector, healthServer, healthConnector);
        try {
            startOne(server, config.host(), config.port(), HttpConfig.PORT);
            if (healthServer != null) {
                startOne(healthServer, config.host(), config.healthPort(), HttpConfig.HEALTH_PORT);
            }
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        LOG.info("HTTP on http://{}:{}/{}", config.host(), service.port(),
                healthServer == null ? "" : " (health on port " + service.healthPort() + ")");
        return service;
    }

    private static void startOne(Server server, String host, int port, String key) {
        try {
            server.start();
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof BindException)) {
                cause = cause.getCause();
            }
            String option = key.equals(HttpConfig.PORT) ? "--http-port or " + key : key;
            if (cause instanceof BindException || String.valueOf(e.getMessage()).contains("bind")) {
                throw new IllegalStateException("cannot listen on " + host + ":" + port + " (" + key + "): "
                        + cause.getMessage() + "; the port is taken or the address is not this machine's: choose"
                        + " another with " + option, e);
            }
            throw new IllegalStateException("the HTTP server on " + host + ":" + port + " did not start: " + e, e);
        }
    }

    /** The port of the main listener. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The port of the health listener, or -1 without one. */
    public int healthPort() {
        return healthConnector == null ? -1 : healthConnector.getLocalPort();
    }

    @Override
    public void close() {
        for (Server s : new Server[] {healthServer, server}) {
            if (s == null) {
                continue;
            }
            try {
                s.setStopTimeout(500);
                s.stop();
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.debug("HTTP connections still open at stop were cut");
            } catch (Exception e) {
                LOG.warn("Stopping the HTTP server failed: {}", e.toString());
            }
        }
    }

    /** Runs the router on a pool thread: handlers block (reading bodies, waiting for Kafka). */
    private static final class RouterHandler extends Handler.Abstract {
        private final Router router;

        RouterHandler(Router router) {
            super(InvocationType.BLOCKING);
            this.router = router;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            URI uri;
            try {
                uri = new URI(request.getHttpURI().getPathQuery());
            } catch (URISyntaxException e) {
                Response.writeError(request, response, callback, 400, "malformed request target");
                return true;
            }
            JettyExchange exchange = new JettyExchange(request, response, callback, uri);
            try {
                router.handle(exchange);
            } finally {
                exchange.close();
            }
            return true;
        }
    }

    /**
     * Refuses what is too large before anything else reads the request (a URL over
     * {@code http.max.url.chars}: 414; a declared body over {@code http.max.body.bytes}: 413), and
     * gives each request {@code http.request.timeout.ms} to send its body: past it, a request whose
     * body is not yet in has its connection closed.
     */
    private static final class Limits extends Handler.Wrapper {
        private final HttpConfig config;

        Limits(HttpConfig config, Handler next) {
            super(next);
            this.config = config;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String target = request.getHttpURI().getPathQuery();
            if (target != null && target.length() > config.maxUrlChars()) {
                refuse(request, response, callback, 414, "uri_too_long", "the request path and query are "
                        + target.length() + " characters; at most " + config.maxUrlChars() + " are taken ("
                        + HttpConfig.MAX_URL_CHARS + ")");
                return true;
            }
            long declared = request.getLength();
            if (declared > config.maxBodyBytes()) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                refuse(request, response, callback, 413, "too_large", "the body is " + declared + " bytes; at most "
                        + config.maxBodyBytes() + " are taken (" + HttpConfig.MAX_BODY_BYTES + ")");
                return true;
            }
            boolean hasBody = declared > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
            if (!hasBody) {
                return super.handle(request, response, callback);
            }
            BodyWatch watched = new BodyWatch(request);
            Scheduler.Task timer = request.getComponents().getScheduler().schedule(() -> {
                if (!watched.finished) {
                    LOG.debug("Closing the connection of {} {}: its body did not arrive within {} ms", request.getMethod(),
                            request.getHttpURI().getPath(), config.requestTimeout().toMillis());
                    request.getConnectionMetaData().getConnection().getEndPoint().close(
                            new java.util.concurrent.TimeoutException("request body not received within "
                                    + config.requestTimeout().toMillis() + " ms (" + HttpConfig.REQUEST_TIMEOUT_MS + ")"));
                }
            }, config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            Callback done = Callback.from(callback, timer::cancel);
            return super.handle(watched, response, done);
        }

        private static void refuse(Request request, Response response, Callback callback, int status, String code,
                                   String message) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            Router.SECURITY_HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
            String body = io.filmwire.schema.Json.write(java.util.Map.of("error", code, "message", message));
            Content.Sink.write(response, true, body, callback);
        }
    }

    /** A request that notes when its body has been read to the end. */
    private static final class BodyWatch extends Request.Wrapper {
        volatile boolean finished;

        BodyWatch(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk != null && (chunk.isLast() || Content.Chunk.isFailure(chunk))) {
                finished = true;
            }
            return chunk;
        }
    }

    /** Closes a connection that has not sent a whole request head within the header timeout. */
    private static final class HeaderDeadline implements Connection.Listener {
        private final ServerConnector connector;
        private final Duration timeout;

        HeaderDeadline(ServerConnector connector, Duration timeout) {
            this.connector = connector;
            this.timeout = timeout;
        }

        @Override
        public void onOpened(Connection connection) {
            connector.getScheduler().schedule(() -> {
                if (connection.getMessagesIn() == 0 && connection.getEndPoint().isOpen()) {
                    LOG.debug("Closing a connection from {}: no request head within {} ms",
                            connection.getEndPoint().getRemoteSocketAddress(), timeout.toMillis());
                    connection.getEndPoint().close(new IOException("no request head within " + timeout.toMillis() + " ms"));
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void onClosed(Connection connection) {
            // nothing held
        }
    }
}
