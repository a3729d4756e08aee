using ArticleBot.Core.Llm;

namespace ArticleBot.Core.Tests.Llm;

public sealed class LlmOptionsValidatorTests
{
    private static string? Failure(LlmOptions options) => new LlmOptionsValidator().Validate(null, options).FailureMessage;

    [Fact]
    public void None_NeedsNothing() => Assert.Null(Failure(new LlmOptions()));

    [Theory]
    [InlineData("Gpt")]
    [InlineData("7")]
    [InlineData("")]
    public void UnknownProvider_IsNamed(string provider)
    {
        Assert.Contains("Llm:Provider", Failure(new LlmOptions { Provider = provider }), StringComparison.Ordinal);
    }

    [Fact]
    public void OpenAI_WithoutKey_SaysHowToSetIt_WithoutPrintingAnything()
    {
        var message = Failure(new LlmOptions { Provider = "OpenAI" });

        Assert.Contains("Llm:ApiKey", message, StringComparison.Ordinal);
        Assert.Contains("user-secrets", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_NeedsEndpointModelAndKey()
    {
        var message = Failure(new LlmOptions { Provider = "azureopenai" });

        Assert.Contains("Llm:Endpoint", message, StringComparison.Ordinal);
        Assert.Contains("Llm:Model", message, StringComparison.Ordinal);
        Assert.Contains("Llm:ApiKey", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compatible_WithBadEndpoint_IsNamed()
    {
        Assert.Contains("Llm:Endpoint", Failure(new LlmOptions { Provider = "OpenAICompatible", Model = "m", Endpoint = "localhost:1234" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Ollama_HasADefaultEndpoint()
    {
        var options = new LlmOptions { Provider = "Ollama", Model = "qwen2.5" };

        Assert.Null(Failure(options));
        Assert.Equal(new Uri("http://localhost:11434/v1"), options.EffectiveEndpoint);
    }
}
