namespace Clinic.Domain;

/// <summary>A registered patient, as held on the practice system.</summary>
/// <param name="NhsNumber">Ten digits, stored without spaces.</param>
/// <param name="PreferredName">What the patient asked to be called, when it differs from the given name.</param>
/// <param name="MobileNumber">E.164 mobile number, or <c>null</c> when the patient gave none.</param>
public sealed record Patient(
    string NhsNumber,
    string GivenName,
    string FamilyName,
    string? PreferredName,
    string? MobileNumber);
