/*
 * The DSDT acpiexec loads under hestc's SSDTs in tests/ssdt/ssdt.sh: the
 * objects those SSDTs reference but do not declare.  \_SB.GEDD is QEMU's
 * name for its hardware error device (hw/acpi/ghes.c, arm virt), \_SB.GPO0
 * QEMU arm virt's GPIO controller (a PL061, without an _AEI here).
 */
DefinitionBlock ("", "DSDT", 2, "HESTC ", "SSDTTEST", 0x00000001)
{
    Scope (\_SB)
    {
        Device (GEDD)
        {
            Name (_HID, EisaId ("PNP0C33"))
            Name (_UID, Zero)
        }

        Device (GPO0)
        {
            Name (_HID, "ARMH0061")
            Name (_UID, Zero)
        }

        Device (PCI0)
        {
            Name (_HID, EisaId ("PNP0A08"))
            Name (_UID, Zero)

            Device (GPI1)
            {
                Name (_HID, "ARMH0061")
                Name (_UID, One)
            }
        }
    }
}
