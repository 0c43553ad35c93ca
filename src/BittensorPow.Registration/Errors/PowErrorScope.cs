namespace BittensorPow.Registration.Errors;

/// <summary>
/// Whether a failure is about the record being processed (written, and the pipeline goes on with the next record)
/// or makes every later record pointless (no connection, bad parameters), which ends the pipeline.
/// </summary>
public enum PowErrorScope { Record, Pipeline }
