package dev.mixdojo.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which addresses belong to a local network: loopback, the private IPv4 ranges of RFC 1918 (10/8, 172.16/12,
 * 192.168/16), link-local addresses (169.254/16, fe80::/10) and IPv6 unique local addresses (fc00::/7). A
 * live session listens on such an address and answers only clients that come from one.
 */
final class LocalNetwork {
    private LocalNetwork() {
    }

    /** Whether {@code address} is on a local network (or this computer). */
    static boolean isLocal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()) {
            return true;
        }
        if (address instanceof Inet6Address) {
            return (address.getAddress()[0] & 0xfe) == 0xfc;
        }
        return false;
    }

    /** Whether the text is the address of a local-network client; text that is not an IP address is not. */
    static boolean isLocal(String address) {
        return literal(address).map(LocalNetwork::isLocal).orElse(false);
    }

    /** Whether the text is a loopback address (the teacher's own computer). */
    static boolean isLoopback(String address) {
        return literal(address).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** The address an IPv4 or IPv6 literal names (never a host name: nothing is looked up), or empty. */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!bare.matches("[0-9.]{7,15}") && !bare.matches("[0-9a-fA-F.]*:[0-9a-fA-F:.]*(%[A-Za-z0-9_.-]+)?")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * This computer's address on its local network: the private IPv4 address of an interface that is up and
     * not a loopback or virtual one (the lowest, for a stable choice); empty when there is none.
     */
    static Optional<InetAddress> thisComputer() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(LocalNetwork::usable)
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof Inet4Address && a.isSiteLocalAddress())
                    .min(Comparator.comparing(InetAddress::getHostAddress));
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean usable(NetworkInterface i) {
        try {
            return i.isUp() && !i.isLoopback() && !i.isVirtual() && !i.isPointToPoint();
        } catch (SocketException e) {
            return false;
        }
    }
}
