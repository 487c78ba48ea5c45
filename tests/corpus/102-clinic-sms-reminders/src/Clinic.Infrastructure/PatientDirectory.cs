using Clinic.Domain;

namespace Clinic.Infrastructure;

/// <summary>The practice's patient list, synchronised nightly from the national record service.</summary>
public sealed class PatientDirectory
{
    private readonly Dictionary<string, Patient> _byNumber;

    public PatientDirectory(IEnumerable<Patient> patients)
    {
        _byNumber = patients.ToDictionary(p => Normalise(p.NhsNumber));
    }

    /// <summary>Finds a patient by NHS number (spaces are ignored).</summary>
    /// <returns>
    /// The patient, or <c>null</c> when no registered patient has that number: the patient left the practice
    /// or their record was merged into another one since the appointment was booked.
    /// </returns>
    public Patient? Find(string nhsNumber) => _byNumber.GetValueOrDefault(Normalise(nhsNumber));

    public int Count => _byNumber.Count;

    private static string Normalise(string nhsNumber) => nhsNumber.Replace(" ", "", StringComparison.Ordinal);
}
