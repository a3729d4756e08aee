namespace ArticleBot.Core.Storage;

/// <summary>
/// The database named by <c>Storage:ConnectionString</c> refuses the bot for a reason only the operator can fix (a
/// wrong password, an unknown user, a database that does not exist): exit code 2, with a message that names the
/// setting and never shows its value. A database that is merely down is not this: the bot starts without it.
/// </summary>
public sealed class StorageConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
