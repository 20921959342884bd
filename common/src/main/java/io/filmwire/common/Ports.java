package io.filmwire.common;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks that a listener can be opened before starting what opens it, so that a taken port fails in one line. */
public final class Ports {

    private Ports() {
    }

    /**
     * Fails unless {@code host:port} can be listened on (port 0 always can).
     *
     * @param key    the setting that holds the port
     * @param option the command-line option that sets it, or null
     * @throws IllegalStateException naming the address, the setting and the option
     */
    public static void requireFree(String host, int port, String key, String option) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + " (" + key + "): " + e.getMessage()
                    + "; the port is taken, or the address is not one of this machine's: choose another with "
                    + (option == null ? "" : option + " or ") + "--set " + key + "=PORT");
        }
    }
}
