namespace WebRtcChat.MediaSfu.Calls;

public enum LeaveOutcome
{
    NotInCall,
    Left,
    LeftAndEnded,
}
