using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Microsoft.AspNetCore.Http;

/// <summary>The platform's ProblemDetails: one documented <c>type</c> URI per stable error, so clients can branch on it.</summary>
public static class ProblemResults
{
    public const string TypeBase = "https://webrtcchat.dev/problems/";

    /// <summary>A ProblemDetails answer whose <c>type</c> is <see cref="TypeBase"/> + <paramref name="type"/>.</summary>
    public static ProblemHttpResult Create(int status, string type, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Type = TypeBase + type, Title = title, Detail = detail });
}
