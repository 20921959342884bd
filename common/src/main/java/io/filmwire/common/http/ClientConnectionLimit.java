package io.filmwire.common.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.SelectorManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the connections one client address holds open on a listener: the one past the bound is
 * closed as soon as it is accepted, so that one client cannot take every connection. Counted per
 * IP address (IPv6 too); a warning is logged at most once a minute per listener. Thread-safe.
 */
final class ClientConnectionLimit implements SelectorManager.AcceptListener {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnectionLimit.class);
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;

    private final int max;
    private final java.util.function.IntSupplier port;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private final Map<SelectableChannel, InetAddress> counted = new ConcurrentHashMap<>();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private final AtomicLong refused = new AtomicLong();

    ClientConnectionLimit(int max, java.util.function.IntSupplier port) {
        this.max = max;
        this.port = port;
    }

    @Override
    public void onAccepted(SelectableChannel channel) {
        InetAddress client = clientOf(channel);
        if (client == null) {
            return;
        }
        int now = open.merge(client, 1, Integer::sum);
        if (now <= max) {
            counted.put(channel, client);
            return;
        }
        open.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
        refused.incrementAndGet();
        long last = lastWarning.get();
        if (System.nanoTime() - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, System.nanoTime())) {
            LOG.warn("Client {} already holds {} connections to port {} (http.max.connections.per.client); closing"
                    + " its new ones ({} refused so far)", client.getHostAddress(), max, port.getAsInt(), refused.get());
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing a refused connection failed: {}", e.toString());
        }
    }

    @Override
    public void onClosed(SelectableChannel channel) {
        // the address is the one noted on accepting: a closed channel no longer tells it
        InetAddress client = counted.remove(channel);
        if (client != null) {
            open.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    private static InetAddress clientOf(SelectableChannel channel) {
        if (!(channel instanceof SocketChannel socket)) {
            return null;
        }
        try {
            return socket.getRemoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
