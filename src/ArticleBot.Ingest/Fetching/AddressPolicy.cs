using System.Net;
using System.Net.Sockets;

namespace ArticleBot.Ingest.Fetching;

/// <summary>
/// Which addresses a reader's link may reach: public unicast only, unless private addresses are allowed. Refused:
/// loopback, private (RFC 1918, unique-local), carrier-grade NAT, link-local (where cloud metadata services live),
/// unspecified, multicast, broadcast and reserved ranges, IPv4 inside IPv6 included.
/// </summary>
public static class AddressPolicy
{
    /// <summary>Null when <paramref name="address"/> may be reached; otherwise what kind of address it is.</summary>
    public static string? Forbidden(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return "a loopback address";
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b switch
            {
                [169, 254, 169, 254] => "the cloud metadata address",
                [169, 254, ..] => "a link-local address",
                [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] => "a private address",
                [100, >= 64 and <= 127, ..] => "a carrier-grade NAT address",
                [0, ..] => "an unspecified address",
                [>= 224 and <= 239, ..] => "a multicast address",
                [>= 240, ..] => "a reserved address",
                [192, 0, 0, _] or [198, 18 or 19, ..] => "a reserved address",
                _ => null,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any))
            {
                return "an unspecified address";
            }

            if (address.IsIPv6LinkLocal || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80))
            {
                return "a link-local address";
            }

            if ((b[0] & 0xFE) == 0xFC)
            {
                return "a private address"; // fc00::/7, unique local (fd00:ec2::254 is a cloud metadata address)
            }

            if (address.IsIPv6SiteLocal)
            {
                return "a private address";
            }

            if (address.IsIPv6Multicast)
            {
                return "a multicast address";
            }

            if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)
            {
                // 64:ff9b::/96 (NAT64) carries an IPv4 address in its last four bytes.
                return Forbidden(new IPAddress(b[12..]));
            }

            return null;
        }

        return "not an internet address";
    }
}
