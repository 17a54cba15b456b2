namespace WebRtcChat.MediaSfu.Nodes;

/// <summary>A live SFU node: its name in the call records, its HTTP address and the UDP address its media arrives on.</summary>
public sealed record SfuNodeInfo(string Name, string HttpAddress, string MediaAddress);
