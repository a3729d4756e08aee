using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ArticleBot.Core.Llm;

/// <summary>The language-model backends the bot can use.</summary>
public enum LlmProvider
{
    /// <summary>No model: the offline extractive answerer.</summary>
    None,

    /// <summary>api.openai.com (or <see cref="LlmOptions.Endpoint"/>), with an API key.</summary>
    OpenAI,

    /// <summary>An Azure OpenAI resource; <see cref="LlmOptions.Model"/> is the deployment name.</summary>
    AzureOpenAI,

    /// <summary>A local Ollama server, through its OpenAI-compatible endpoint (default http://localhost:11434/v1).</summary>
    Ollama,

    /// <summary>Any server with the OpenAI chat-completions API: LM Studio, llama.cpp server, vLLM.</summary>
    OpenAICompatible,
}

/// <summary>
/// Which model answers: provider settings only (the limits of a turn are the answering options). Section <c>Llm</c>:
/// <code>
/// "Llm": { "Provider": "None", "Model": "", "Endpoint": "", "TimeoutSeconds": 60, "Temperature": 0.2 }
/// </code>
/// <c>Llm:ApiKey</c> comes from the environment (<c>Llm__ApiKey</c>) or user-secrets, never from a file in the repository.
/// </summary>
public sealed class LlmOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Llm";

    /// <summary>None (offline), OpenAI, AzureOpenAI, Ollama or OpenAICompatible.</summary>
    public string Provider { get; set; } = nameof(LlmProvider.None);

    /// <summary>The model id (the deployment name for Azure OpenAI).</summary>
    public string? Model { get; set; }

    /// <summary>The server's base URL, e.g. <c>http://localhost:1234/v1</c>; required for Azure and OpenAI-compatible servers.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The API key. Secret: never logged or printed.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one model request may take, retries included.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Sampling temperature sent to the model.</summary>
    [Range(0.0, 2.0)]
    public double Temperature { get; set; } = 0.2;

    /// <summary>The parsed provider (valid once options have been validated).</summary>
    public LlmProvider ParsedProvider => Enum.TryParse<LlmProvider>(Provider, ignoreCase: true, out var p) ? p : LlmProvider.None;

    /// <summary>The endpoint to use: the configured one, or the provider's default.</summary>
    public Uri? EffectiveEndpoint => !string.IsNullOrWhiteSpace(Endpoint)
        ? new Uri(Endpoint)
        : ParsedProvider == LlmProvider.Ollama ? new Uri("http://localhost:11434/v1") : null;
}

/// <summary>Checks that the chosen provider has what it needs; messages name the settings, never the key's value.</summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    private const string KeyHint = "set it with the environment variable Llm__ApiKey or in the user-secrets of the app (key Llm:ApiKey)";

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.TryParse<LlmProvider>(options.Provider, ignoreCase: true, out var provider) || int.TryParse(options.Provider, out _))
        {
            return ValidateOptionsResult.Fail(
                $"Llm:Provider '{options.Provider}' is not one of {string.Join(", ", Enum.GetNames<LlmProvider>())}.");
        }

        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Endpoint)
            && (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            failures.Add($"Llm:Endpoint '{options.Endpoint}' is not an absolute http(s) URL.");
        }

        var needsModel = provider is LlmProvider.AzureOpenAI or LlmProvider.Ollama or LlmProvider.OpenAICompatible;
        if (needsModel && string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"Llm:Model is required for Llm:Provider={provider}{(provider == LlmProvider.AzureOpenAI ? " (the deployment name)" : string.Empty)}.");
        }

        if (provider is LlmProvider.AzureOpenAI or LlmProvider.OpenAICompatible && string.IsNullOrWhiteSpace(options.Endpoint))
        {
            failures.Add($"Llm:Endpoint is required for Llm:Provider={provider}.");
        }

        if (provider is LlmProvider.OpenAI or LlmProvider.AzureOpenAI && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"Llm:ApiKey is required for Llm:Provider={provider}; {KeyHint}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
