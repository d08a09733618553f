/* An error device and nothing that notifies it. */
DefinitionBlock ("", "SSDT", 2, "HESTC ", "MISSING ", 1)
{
    Scope (\_SB)
    {
        Device (HED0)
        {
            Name (_HID, EisaId ("PNP0C33"))
            Name (_UID, Zero)
        }
    }
}
