package dev.stageport.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a webhook may call. Only http and https; and unless private addresses are
 * allowed (STAGEPORT_WEBHOOK_ALLOW_PRIVATE=on), no host that resolves to a loopback,
 * private, link-local or otherwise internal address, so a webhook cannot be used to reach
 * the server's own network. Checked when a webhook is created and again before every attempt,
 * because a name may resolve differently later.
 */
public final class WebhookAddresses {

    public static final int MAX_URL_LENGTH = 2000;

    private final boolean allowPrivate;

    public WebhookAddresses(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL may not be called, as a sentence naming the field 'url'; empty when it may. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("'url' is required, e.g. \"https://ci.example.com/stageport-events\".");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("'url' may be at most " + MAX_URL_LENGTH + " characters long.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("'url' is not a valid URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("'url' must be an http or https URL, got the scheme '" + scheme + "'.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("'url' must name a host.");
        }
        if (uri.getPort() > 65535) {
            return Optional.of("'url' has the port " + uri.getPort() + "; ports go up to 65535.");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("'url' must not carry user information; the signature authenticates Stageport.");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("The host of 'url' (" + uri.getHost() + ") cannot be resolved.");
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return Optional.of("The host of 'url' (" + uri.getHost() + ") resolves to the private or loopback "
                        + "address " + address.getHostAddress() + ", which webhooks may not call; a server that "
                        + "must allow it sets STAGEPORT_WEBHOOK_ALLOW_PRIVATE=on.");
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this network"
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT 100.64.0.0/10
                || (first == 198 && (second == 18 || second == 19)); // benchmarking 198.18.0.0/15
    }
}
