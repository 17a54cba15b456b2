namespace WebRtcChat.WebRtc.Stun;

/// <summary>The ERROR-CODE values ICE answers with (RFC 8489 §14.8, RFC 8445 §7.3.1.1).</summary>
public static class StunErrorCode
{
    public const int BadRequest = 400;
    public const int Unauthorized = 401;
    public const int RoleConflict = 487;

    public static string ReasonOf(int code) => code switch
    {
        BadRequest => "Bad Request",
        Unauthorized => "Unauthorized",
        RoleConflict => "Role Conflict",
        _ => "Error",
    };
}
