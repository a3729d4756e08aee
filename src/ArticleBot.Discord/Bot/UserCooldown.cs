using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace ArticleBot.Discord.Bot;

/// <summary>A per-user pause between questions (<c>Discord:UserCooldownSeconds</c>), on the injected clock.</summary>
public sealed class UserCooldown(IOptions<DiscordOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastQuestion = new(StringComparer.Ordinal);

    /// <summary>A notice when the user asked too recently; otherwise null, and the question is counted.</summary>
    public string? Notice(string userId)
    {
        var cooldown = TimeSpan.FromSeconds(options.Value.UserCooldownSeconds);
        if (cooldown <= TimeSpan.Zero)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var previous = DateTimeOffset.MinValue;
        var allowed = false;
        _lastQuestion.AddOrUpdate(userId, _ => { allowed = true; return now; }, (_, last) =>
        {
            previous = last;
            allowed = now - last >= cooldown;
            return allowed ? now : last;
        });
        if (allowed)
        {
            return null;
        }

        var wait = Math.Max(1, (int)Math.Ceiling((cooldown - (now - previous)).TotalSeconds));
        return string.Create(CultureInfo.InvariantCulture, $"Please wait {wait} s before asking again. / 請稍候 {wait} 秒再提問。");
    }
}
