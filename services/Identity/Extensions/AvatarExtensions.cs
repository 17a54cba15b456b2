using WebRtcChat.Identity.Avatars;

namespace WebRtcChat.Identity.Extensions;

public static class AvatarExtensions
{
    /// <summary>Avatars in the object store (<c>ConnectionStrings:objectstore</c>, bucket <c>Avatars:Bucket</c>).</summary>
    public static IHostApplicationBuilder AddAvatars(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AvatarOptions>()
            .BindConfiguration(AvatarOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var avatars = builder.Configuration.GetSection(AvatarOptions.Section).Get<AvatarOptions>() ?? new AvatarOptions();
        builder.AddObjectStore("objectstore", avatars.Bucket);
        builder.Services.AddSingleton<AvatarStore>();
        return builder;
    }
}
