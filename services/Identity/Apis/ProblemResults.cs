using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace WebRtcChat.Identity.Apis;

/// <summary>Builds the service's stable ProblemDetails: a <c>type</c> under one base URL, a title and a detail.</summary>
internal static class ProblemResults
{
    public const string TypeBase = "https://webrtcchat.dev/problems/";

    public static ProblemHttpResult Create(int status, string type, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Type = TypeBase + type, Title = title, Detail = detail });
}
