/*
 * bcryptprimitives.dll for testing under Wine only: Debian's Wine 8.0 has
 * no such DLL, and the Go runtime (since Go 1.22) refuses to start
 * without its ProcessPrng. Windows 10 and 11 have it. This shim fills
 * the buffer from RtlGenRandom (advapi32's SystemFunction036), which Wine
 * implements. make builds it into the throwaway Wine prefix of the tests;
 * it never ships.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
	(void)inst; (void)reason; (void)reserved;
	return TRUE;
}
