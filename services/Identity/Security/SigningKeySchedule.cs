namespace WebRtcChat.Identity.Security;

/// <summary>
/// Where each stored signing key stands at a given moment, from its creation time alone: a key signs from
/// <c>CreatedAt + PublishAhead</c> (the oldest stored key at once); the newest key that may sign is the signer; newer
/// ones are pending (published, not signing yet); an older one is superseded when its successor starts signing and
/// retired <c>retainFor</c> later.
/// </summary>
internal sealed record SigningKeySchedule(
    ServerKey? Signer, IReadOnlyList<ServerKey> Pending, IReadOnlyList<ServerKey> Superseded, IReadOnlyList<ServerKey> Retired, bool RotationDue)
{
    /// <summary>Every key that still validates, the signer first (OpenIddict signs with the first credential).</summary>
    public IEnumerable<ServerKey> Validating => Signer is null ? [] : [Signer, .. Pending, .. Superseded];

    public static SigningKeySchedule At(IEnumerable<ServerKey> signingKeys, DateTimeOffset now, SigningKeyOptions options, TimeSpan retainFor)
    {
        var keys = signingKeys.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).ToList();
        if (keys.Count == 0)
        {
            return new SigningKeySchedule(null, [], [], [], RotationDue: true);
        }

        DateTimeOffset SignsFrom(int index) => index == 0 ? keys[0].CreatedAt : keys[index].CreatedAt + options.PublishAhead;

        var signer = Enumerable.Range(0, keys.Count).LastOrDefault(i => SignsFrom(i) <= now);
        var superseded = new List<ServerKey>();
        var retired = new List<ServerKey>();
        for (var i = signer - 1; i >= 0; i--)
        {
            (SignsFrom(i + 1) + retainFor <= now ? retired : superseded).Add(keys[i]);
        }

        return new SigningKeySchedule(
            keys[signer],
            [.. keys.Skip(signer + 1).Reverse()],
            superseded,
            retired,
            RotationDue: keys[^1].CreatedAt + options.RotateAfter <= now);
    }
}
