#pragma once
#define LIB_CFG_BASE 2
