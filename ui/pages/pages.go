// Package pages lets the program give up the memory pages of data it
// embeds in its own file (fonts, above all) once it has finished reading
// them. Such pages are copies of the program file: the system reads them
// back from the file, or from its file cache, the next time they are
// touched, so dropping them loses nothing but the time of that reading.
//
// Drop acts only on whole pages inside the data, and only where the data
// lies in a mapping of a file; on other memory (the Go heap, say) and on
// other systems than Linux it does nothing.
package pages
