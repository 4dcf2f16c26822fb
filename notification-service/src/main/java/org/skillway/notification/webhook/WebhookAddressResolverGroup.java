package org.skillway.notification.webhook;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The name resolution of the webhook HTTP client: it looks the host up and refuses the connection
 * when any address is one {@link WebhookAddressPolicy} forbids, so the address connected to is the
 * one that was checked (a name that resolved to a public address at registration and to
 * 169.254.169.254 now is caught here). It reports even numeric addresses as unresolved, so that
 * they pass through the same check. Lookups block, so they run on {@code lookups}, never on a Netty
 * event loop.
 */
public final class WebhookAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {
  private final WebhookAddressPolicy policy;
  private final WebhookAddressPolicy.Resolver names;
  private final Executor lookups;

  public WebhookAddressResolverGroup(
      WebhookAddressPolicy policy, WebhookAddressPolicy.Resolver names, Executor lookups) {
    this.policy = policy;
    this.names = names;
    this.lookups = lookups;
  }

  /** A delivery refused because the endpoint's address is private, local or reserved. */
  public static final class BlockedAddressException extends UnknownHostException {
    public BlockedAddressException(String message) {
      super(message);
    }
  }

  @Override
  protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
    return new Checked(executor);
  }

  /** Resolves and checks all of a host's addresses: the list a connection picks from. */
  List<InetSocketAddress> resolveChecked(InetSocketAddress address) throws UnknownHostException {
    List<InetAddress> found =
        address.isUnresolved()
            ? Arrays.asList(names.resolve(address.getHostString()))
            : List.of(address.getAddress());
    if (found.isEmpty()) {
      throw new UnknownHostException(address.getHostString());
    }
    Optional<WebhookAddressPolicy.Refusal> refusal = policy.checkAddresses(found);
    if (refusal.isPresent()) {
      throw new BlockedAddressException(
          "webhook host " + address.getHostString() + " " + refusal.get().reason());
    }
    return found.stream().map(a -> new InetSocketAddress(a, address.getPort())).toList();
  }

  private final class Checked implements AddressResolver<InetSocketAddress> {
    private final EventExecutor executor;

    Checked(EventExecutor executor) {
      this.executor = executor;
    }

    @Override
    public boolean isSupported(SocketAddress address) {
      return address instanceof InetSocketAddress;
    }

    @Override
    public boolean isResolved(SocketAddress address) {
      return false; // numeric addresses are checked too
    }

    @Override
    public Future<InetSocketAddress> resolve(SocketAddress address) {
      return resolve(address, executor.newPromise());
    }

    @Override
    public Future<InetSocketAddress> resolve(
        SocketAddress address, Promise<InetSocketAddress> promise) {
      Promise<List<InetSocketAddress>> all = executor.newPromise();
      all.addListener(
          done -> {
            if (done.isSuccess()) {
              promise.trySuccess(all.getNow().get(0));
            } else {
              promise.tryFailure(done.cause());
            }
          });
      resolveAll(address, all);
      return promise;
    }

    @Override
    public Future<List<InetSocketAddress>> resolveAll(SocketAddress address) {
      return resolveAll(address, executor.newPromise());
    }

    @Override
    public Future<List<InetSocketAddress>> resolveAll(
        SocketAddress address, Promise<List<InetSocketAddress>> promise) {
      if (!(address instanceof InetSocketAddress inet)) {
        promise.tryFailure(new UnsupportedAddressTypeException());
        return promise;
      }
      lookups.execute(
          () -> {
            try {
              promise.trySuccess(resolveChecked(inet));
            } catch (UnknownHostException | RuntimeException e) {
              promise.tryFailure(e);
            }
          });
      return promise;
    }

    @Override
    public void close() {}
  }
}
