/* cpu.h - the one spin-wait hint every bounded spin uses. */
#ifndef PS_CPU_H
#define PS_CPU_H

/* Tells the core this is a spin-wait loop: on x86 PAUSE saves power and
 * leaves the sibling hyper-thread the pipeline; elsewhere a no-op. */
static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

#endif
