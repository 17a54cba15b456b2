using System.Runtime.Versioning;

// Resources run as Linux processes (setsid, setpriv, process-group signals).
[assembly: SupportedOSPlatform("linux")]
