namespace BittensorPow.Subtensor.Chain.Events;

/// <summary>When in the block an event was emitted (frame_system::Phase).</summary>
public enum EventPhase { ApplyExtrinsic, Finalization, Initialization }
