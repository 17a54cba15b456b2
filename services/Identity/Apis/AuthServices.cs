using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using WebRtcChat.Identity.Auth;
using WebRtcChat.Identity.Data;
using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Apis;

/// <summary>What the <c>/api/auth</c> handlers need, injected as one <c>[AsParameters]</c> group.</summary>
public sealed record AuthServices(
    HttpContext HttpContext,
    IdentityDbContext Db,
    UserManager<User> Users,
    InProcessTokenClient Tokens,
    IOpenIddictTokenManager TokenManager,
    IOpenIddictAuthorizationManager Authorizations,
    TimeProvider Time);
