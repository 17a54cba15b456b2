using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Abstractions;
using WebRtcChat.Identity.Auth;
using WebRtcChat.Identity.Data;
using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Apis;

/// <summary>What the <c>/api/auth</c> handlers need, injected as one <c>[AsParameters]</c> group.</summary>
public sealed record AuthServices(
    HttpContext HttpContext,
    [FromServices] IdentityDbContext Db,
    [FromServices] UserManager<User> Users,
    [FromServices] InProcessTokenClient Tokens,
    [FromServices] IOpenIddictTokenManager TokenManager,
    [FromServices] IOpenIddictAuthorizationManager Authorizations,
    [FromServices] TimeProvider Time);
