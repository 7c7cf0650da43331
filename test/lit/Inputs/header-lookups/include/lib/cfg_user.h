#pragma once
#include <lib/cfg.h>
