//go:build !unix

package main

// followJobs does nothing where there is no job control.
func (t *terminal) followJobs() (stop func()) { return func() {} }

// suspend does nothing where there is no job control.
func (t *terminal) suspend() {}
