namespace WebRtcChat.Messaging.Model;

/// <summary>Owners and admins manage a group (members, name, topic); an admin cannot remove an owner.</summary>
public static class RoomRoles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Member = "member";

    public static bool CanManage(string role) => role is Owner or Admin;

    /// <summary>Higher outranks lower: owner 2, admin 1, member 0.</summary>
    public static int Rank(string role) => role switch
    {
        Owner => 2,
        Admin => 1,
        _ => 0,
    };
}
