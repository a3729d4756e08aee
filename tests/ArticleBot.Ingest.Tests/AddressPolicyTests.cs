using System.Net;
using ArticleBot.Ingest.Fetching;

namespace ArticleBot.Ingest.Tests;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.5.6.7", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "metadata")]
    [InlineData("169.254.1.1", "link-local")]
    [InlineData("100.64.0.1", "carrier-grade")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd00:ec2::254", "private")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("64:ff9b::a9fe:a9fe", "metadata")]
    public void Internal_addresses_are_refused(string address, string kind) =>
        Assert.Contains(kind, AddressPolicy.Forbidden(IPAddress.Parse(address)), StringComparison.Ordinal);

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    public void Public_addresses_are_allowed(string address) => Assert.Null(AddressPolicy.Forbidden(IPAddress.Parse(address)));
}
