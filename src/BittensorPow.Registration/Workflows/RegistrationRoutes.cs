namespace BittensorPow.Registration.Workflows;

public static class RegistrationRoutes
{
    /// <param name="burnCapGiven">-MaxCost: the user asks for a capped burn where the runtime also offers pow_register.</param>
    public static RegistrationRoute For(RuntimeProfile profile, bool burnCapGiven) =>
        profile.RegisterVerifiesWork ? RegistrationRoute.Work
        : profile.HasPowRegister && !burnCapGiven ? RegistrationRoute.PowRegister
        : RegistrationRoute.Burn;
}
