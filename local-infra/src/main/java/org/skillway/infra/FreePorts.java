package org.skillway.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds a free TCP port for a server to bind to, below the range the operating system hands out to
 * outgoing connections (Linux: 32768-60999). A port picked by binding port 0 is in that range, and
 * between being found and being bound it could be given to a client connection (a Kafka client's,
 * say), which made a service fail to start with "Address already in use" (CI, once). A port is
 * handed out once per JVM, so two finds before either bind never collide.
 */
public final class FreePorts {
  private static final int LOWEST = 20_000;
  private static final int HIGHEST = 32_000;
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  public static int find() {
    int range = HIGHEST - LOWEST;
    int start = ThreadLocalRandom.current().nextInt(range);
    for (int i = 0; i < range; i++) {
      int port = LOWEST + (start + i) % range;
      if (!HANDED_OUT.contains(port) && free(port) && HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port between " + LOWEST + " and " + HIGHEST);
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
