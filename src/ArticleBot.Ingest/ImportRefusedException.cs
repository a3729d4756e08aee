namespace ArticleBot.Ingest;

/// <summary>Why an import was refused; each value is named in the message the reader sees.</summary>
public enum RefusalReason
{
    /// <summary>The input is neither an http(s) URL nor a readable file.</summary>
    BadInput,

    /// <summary>Only http and https are fetched.</summary>
    UnsupportedScheme,

    /// <summary>The host is (or resolves to, or redirects to) a loopback, private, link-local or metadata address.</summary>
    PrivateAddress,

    /// <summary>More redirects than <c>Ingest:MaxRedirects</c>.</summary>
    TooManyRedirects,

    /// <summary>More bytes than <c>Ingest:MaxBytes</c>, or an article larger than <c>Corpus:MaxSeedFileBytes</c>.</summary>
    TooLarge,

    /// <summary>The fetch took longer than <c>Ingest:TimeoutSeconds</c>.</summary>
    Timeout,

    /// <summary>The server answered with an error status, or could not be reached.</summary>
    Unreachable,

    /// <summary>A content type or file kind that is not an article (an image, a zip, ...).</summary>
    UnsupportedType,

    /// <summary>Nothing readable: a PDF without a text layer, an empty page.</summary>
    NoText,

    /// <summary>A Word file that unpacks to far more than it weighs.</summary>
    ZipBomb,

    /// <summary>The file is damaged or not what its name says.</summary>
    Damaged,

    /// <summary>The same text was imported before.</summary>
    Duplicate,

    /// <summary>No imported article has that id.</summary>
    NotFound,

    /// <summary>The shared article database (<c>Storage:ConnectionString</c>) is out of reach: nothing was changed.</summary>
    StoreUnavailable,
}

/// <summary>An import that was refused, with a message that names the reason (and the setting, where one applies).</summary>
public sealed class ImportRefusedException(RefusalReason reason, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Why.</summary>
    public RefusalReason Reason { get; } = reason;

    /// <summary>The reason as a stable code for machines (<c>private-address</c>, <c>no-text</c>, ...).</summary>
    public string Code => Reason switch
    {
        RefusalReason.BadInput => "bad-input",
        RefusalReason.UnsupportedScheme => "unsupported-scheme",
        RefusalReason.PrivateAddress => "private-address",
        RefusalReason.TooManyRedirects => "too-many-redirects",
        RefusalReason.TooLarge => "too-large",
        RefusalReason.Timeout => "timeout",
        RefusalReason.Unreachable => "unreachable",
        RefusalReason.UnsupportedType => "unsupported-type",
        RefusalReason.NoText => "no-text",
        RefusalReason.ZipBomb => "zip-bomb",
        RefusalReason.Damaged => "damaged",
        RefusalReason.Duplicate => "duplicate",
        RefusalReason.NotFound => "not-found",
        RefusalReason.StoreUnavailable => "store-unavailable",
        _ => "refused",
    };
}
