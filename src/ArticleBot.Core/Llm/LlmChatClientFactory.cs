using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenAI;

namespace ArticleBot.Core.Llm;

/// <summary>
/// Builds the provider's chat client (Microsoft.Extensions.AI over the OpenAI and Azure OpenAI SDKs). HTTP goes
/// through the named client <see cref="HttpClientName"/>, whose resilience handler retries 429/5xx honouring
/// Retry-After and enforces <see cref="LlmOptions.TimeoutSeconds"/>; the SDKs' own retries are turned off so the
/// two do not multiply.
/// </summary>
/// <remarks>
/// The HTTP client factory is resolved when a model client is created, not with this factory: offline, the answerer
/// holds this factory but never builds an HTTP pipeline (whose resilience options would otherwise be set up and
/// validated at every start).
/// </remarks>
public sealed class LlmChatClientFactory(IOptions<LlmOptions> options, IServiceProvider services)
{
    /// <summary>The named HttpClient for model requests.</summary>
    public const string HttpClientName = "ArticleBot.Llm";

    /// <summary>What keyless servers (Ollama, llama.cpp) get as a bearer token; they ignore it.</summary>
    private const string NoKey = "no-key";

    /// <summary>A chat client for the configured provider, without function invocation.</summary>
    public IChatClient Create()
    {
        var settings = options.Value;
        var httpClients = services.GetRequiredService<IHttpClientFactory>();
        var transport = new HttpClientPipelineTransport(httpClients.CreateClient(HttpClientName));
        var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        var model = string.IsNullOrWhiteSpace(settings.Model) ? "gpt-4o-mini" : settings.Model;
        switch (settings.ParsedProvider)
        {
            case LlmProvider.AzureOpenAI:
                var azure = new AzureOpenAIClientOptions { Transport = transport, RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = timeout };
                return new AzureOpenAIClient(settings.EffectiveEndpoint!, new ApiKeyCredential(settings.ApiKey!), azure).GetChatClient(model).AsIChatClient();

            case LlmProvider.OpenAI or LlmProvider.Ollama or LlmProvider.OpenAICompatible:
                var openAI = new OpenAIClientOptions { Transport = transport, RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = timeout };
                if (settings.EffectiveEndpoint is { } endpoint)
                {
                    openAI.Endpoint = endpoint;
                }

                var key = string.IsNullOrWhiteSpace(settings.ApiKey) ? NoKey : settings.ApiKey;
                return new OpenAIClient(new ApiKeyCredential(key), openAI).GetChatClient(model).AsIChatClient();

            default:
                throw new InvalidOperationException("Llm:Provider is None: there is no model client to create.");
        }
    }

    /// <summary>How the backend is named in answers, e.g. <c>OpenAI/gpt-4o-mini</c>.</summary>
    public static string BackendName(LlmOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return $"{settings.ParsedProvider}/{(string.IsNullOrWhiteSpace(settings.Model) ? "gpt-4o-mini" : settings.Model)}";
    }
}
